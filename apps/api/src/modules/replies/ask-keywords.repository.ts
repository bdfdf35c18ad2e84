import { Injectable } from '@nestjs/common';
import type { ReplyKeywords } from '@clinicflow/rules';
import { FlowVersionRepository } from '../flows/flow.repository';
import type { DeliveryDocument } from '../deliveries/delivery.document';

/**
 * The reply words of the step that asked the question: an ask step may have its own ("1" / "2"), which the
 * run's evaluator reads too. Read from the published version (`<flowId>#v<version>`, by `_id`).
 */
@Injectable()
export class AskKeywordsRepository {
  constructor(private readonly versions: FlowVersionRepository) {}

  async of(question: DeliveryDocument): Promise<ReplyKeywords | undefined> {
    if (!question.flowId || question.flowVersion === null || !question.nodeId) return undefined;
    const version = await this.versions.findById(
      question.clinicId,
      `${question.flowId}#v${question.flowVersion}`,
    );
    const nodes = (
      version?.flow as { nodes?: { id: string; data?: { keywords?: ReplyKeywords } }[] } | undefined
    )?.nodes;
    return nodes?.find((node) => node.id === question.nodeId)?.data?.keywords;
  }
}
