import { DomainErrorKind, DomainException } from '../common/domain.exception';

export class CandidateNotFoundException extends DomainException {
  readonly kind: DomainErrorKind = 'NOT_FOUND';
  readonly code = 'CANDIDATE_NOT_FOUND';

  constructor(id: string) {
    // Same answer whether the id does not exist or belongs to another organization.
    super(`candidate ${id} not found`);
  }
}

export class CandidateConflictException extends DomainException {
  readonly kind: DomainErrorKind = 'CONFLICT';
  readonly code = 'DUPLICATE_EXTERNAL_REF';
}
