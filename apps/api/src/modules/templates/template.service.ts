import { Injectable } from '@nestjs/common';
import { inspectTemplate } from '@clinicflow/channels';
import { AppError } from '../../common/app-error';
import { ClockRepository } from '../../common/clock.repository';
import { newId } from '../../common/ids';
import type { Principal } from '../../http/principal';
import type { TemplateInput, TemplateListQuery } from './template.dto';
import { TemplateDocument, TemplateRepository } from './template.repository';

function toTemplateView(template: TemplateDocument) {
  const { _id, clinicId: _c, searchText: _s, ...rest } = template;
  return { id: _id, ...rest };
}

/** Problems of every text of a template (syntax, unknown variable, unknown helper), each naming its field. */
export function templateProblems(template: TemplateInput) {
  const problems: { path: string; message: string }[] = [];
  const inspect = (source: string, path: string) => {
    for (const problem of inspectTemplate(source).problems) {
      problems.push({ path, message: `${problem.message} (line ${problem.line}, column ${problem.column})` });
    }
  };
  for (const [language, variant] of Object.entries(template.variants)) {
    for (const field of ['subject', 'body', 'html'] as const) {
      const source = variant?.[field];
      if (source !== undefined) inspect(source, `body.variants.${language}.${field}`);
    }
    variant?.whatsapp?.variables.forEach((source, index) =>
      inspect(source, `body.variants.${language}.whatsapp.variables.${index}`),
    );
  }
  return problems;
}

/** Message templates of a clinic, per channel, with a text per language. */
@Injectable()
export class TemplateService {
  constructor(
    private readonly templates: TemplateRepository,
    private readonly clock: ClockRepository,
  ) {}

  async list(clinicId: string, query: TemplateListQuery) {
    const page = await this.templates.page(clinicId, { channel: query.channel, search: query.q }, query);
    return { ...page, items: page.items.map(toTemplateView) };
  }

  async get(clinicId: string, id: string) {
    const template = await this.templates.findById(clinicId, id);
    if (!template) throw AppError.notFound(`No template ${id}`);
    return toTemplateView(template);
  }

  /** A saved template as stored (the dispatcher renders it), or null when the clinic has none of that id. */
  find(clinicId: string, id: string): Promise<TemplateDocument | null> {
    return this.templates.findById(clinicId, id);
  }

  async create(principal: Principal, input: TemplateInput) {
    this.check(input);
    const now = this.clock.now();
    const template = await this.templates.add(principal.clinicId, {
      _id: newId(),
      ...input,
      searchText: input.name.toLowerCase(),
      createdAt: now,
      updatedAt: now,
      updatedBy: principal.email ?? 'system',
    });
    return toTemplateView(template);
  }

  async replace(principal: Principal, id: string, input: TemplateInput) {
    this.check(input);
    const updated = await this.templates.replace(principal.clinicId, id, {
      ...input,
      searchText: input.name.toLowerCase(),
      updatedAt: this.clock.now(),
      updatedBy: principal.email ?? 'system',
    });
    if (!updated) throw AppError.notFound(`No template ${id}`);
    return toTemplateView(updated);
  }

  async remove(clinicId: string, id: string) {
    if (!(await this.templates.remove(clinicId, id))) throw AppError.notFound(`No template ${id}`);
    return { deleted: true };
  }

  private check(input: TemplateInput) {
    const problems = templateProblems(input);
    if (problems.length > 0) throw AppError.invalid(problems);
  }
}
