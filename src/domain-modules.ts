import { Type } from '@nestjs/common';

/** Feature modules shared by every role; processors live in WorkerModule. */
export const DOMAIN_MODULES: Type[] = [];
