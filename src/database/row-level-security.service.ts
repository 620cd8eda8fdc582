import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { checkRowLevelSecurity, RowLevelSecurityStatus } from './row-level-security';

export class RowLevelSecurityOffError extends Error {}

/** Boot check: row-level security is silently off for a privileged user, so say so loudly (or stop). */
@Injectable()
export class RowLevelSecurityService implements OnModuleInit {
  private readonly logger = new Logger(RowLevelSecurityService.name);
  private current?: RowLevelSecurityStatus;

  constructor(
    private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    const status = await checkRowLevelSecurity((sql, params) => this.db.query(sql, params));
    this.current = status;
    if (status.enforced) {
      this.logger.log(`Row-level security enforced: app connections act as ${status.user}`);
      return;
    }
    const message = `ROW-LEVEL SECURITY IS OFF for database user ${status.user} (${status.problems.join('; ')}): tenancy rests on the service layer alone`;
    if (this.config.requireRowLevelSecurity) throw new RowLevelSecurityOffError(`${message}; REQUIRE_RLS=true stops here`);
    this.logger.warn(message);
  }

  /** As found at boot; false before the check ran. */
  get enforced(): boolean {
    return this.current?.enforced ?? false;
  }
}
