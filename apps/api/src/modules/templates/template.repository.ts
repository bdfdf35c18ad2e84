import { Injectable } from '@nestjs/common';
import type { Channel } from '@clinicflow/rules';
import { Db, type Filter } from 'mongodb';
import {
  ClinicDocument,
  ClinicScopedRepository,
  searchPattern,
  type Page,
  type PageQuery,
} from '../../tenancy/clinic-scoped.repository';
import type { TemplateInput } from './template.dto';

export interface TemplateDocument extends ClinicDocument, TemplateInput {
  searchText: string;
  createdAt: Date;
  updatedAt: Date;
  updatedBy: string;
}

/** The clinics' message templates (`templates`). */
@Injectable()
export class TemplateRepository extends ClinicScopedRepository<TemplateDocument> {
  constructor(db: Db) {
    super(db, 'templates');
  }

  /** A page of templates by name, of one channel and whose name holds `search` when given. */
  page(
    clinicId: string,
    criteria: { channel?: Channel; search?: string },
    query: PageQuery,
  ): Promise<Page<TemplateDocument>> {
    const filter: Filter<TemplateDocument> = {};
    if (criteria.channel) filter.channel = criteria.channel;
    if (criteria.search) filter.searchText = searchPattern(criteria.search.toLowerCase());
    return this.findPage(clinicId, filter, query, { name: 1 });
  }

  async add(clinicId: string, template: Omit<TemplateDocument, 'clinicId'>): Promise<TemplateDocument> {
    return this.insert(clinicId, template);
  }

  /** Replaces a template's content; null when the clinic has no such template. */
  replace(
    clinicId: string,
    id: string,
    content: Partial<TemplateDocument>,
  ): Promise<TemplateDocument | null> {
    return this.updateById(clinicId, id, { $set: content });
  }

  remove(clinicId: string, id: string): Promise<boolean> {
    return this.deleteById(clinicId, id);
  }
}
