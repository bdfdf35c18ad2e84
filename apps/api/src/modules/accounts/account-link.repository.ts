import { Db } from 'mongodb';
import { Injectable } from '@nestjs/common';
import { ClinicDocument, ClinicScopedRepository } from '../../tenancy/clinic-scoped.repository';

/** What a set-password link is for: a new user's first password, or a reset. */
export type LinkPurpose = 'invitation' | 'reset';

/**
 * A set-password link (`account_links`). `_id` is `lnk_<sha256 of the link's token>`: the token itself is in the
 * e-mail only, never stored, so the collection cannot be turned into links.
 */
export interface AccountLinkDocument extends ClinicDocument {
  userId: string;
  purpose: LinkPurpose;
  createdAt: Date;
  expiresAt: Date;
  /** Who asked for it: a manager's e-mail, `operator`, or `forgot-password`. */
  createdBy: string;
}

/** That a link was used (`account_link_uses`, `_id` = the link's): the insert decides, so a link works once. */
export interface AccountLinkUseDocument extends ClinicDocument {
  at: Date;
}

@Injectable()
export class AccountLinkRepository extends ClinicScopedRepository<AccountLinkDocument> {
  constructor(db: Db) {
    super(db, 'account_links');
  }

  async add(clinicId: string, link: Omit<AccountLinkDocument, 'clinicId'>): Promise<void> {
    await this.insert(clinicId, link);
  }

  /** A link by its id, before its clinic is known (the token is all the visitor has). */
  findForUse(id: string): Promise<AccountLinkDocument | null> {
    return this.collection.findOne({ _id: id }) as Promise<AccountLinkDocument | null>;
  }
}

@Injectable()
export class AccountLinkUseRepository extends ClinicScopedRepository<AccountLinkUseDocument> {
  constructor(db: Db) {
    super(db, 'account_link_uses');
  }

  /** Marks the link used; false when it had been used already (by this request's twin, say). */
  claim(clinicId: string, linkId: string, at: Date): Promise<boolean> {
    return this.insertOnce(clinicId, { _id: linkId, at });
  }

  async isUsed(clinicId: string, linkId: string): Promise<boolean> {
    return (await this.findById(clinicId, linkId)) !== null;
  }
}
