import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ZodBody } from '../../http/zod-validation';
import { ClinicId } from '../../http/principal';
import { previewAnswerExample, previewExample, PreviewInput, previewSchema } from './message.dto';
import { MessageService } from './message.service';

@ApiTags('messages')
@ApiBearerAuth()
@Controller('messages')
export class MessagesController {
  constructor(private readonly messages: MessageService) {}

  @Post('preview')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Render a template with sample or given data: text, encoding, characters, segments, credits; template errors are answered with 200.',
  })
  @ApiOkResponse({ schema: { example: previewAnswerExample } })
  preview(@ClinicId() clinicId: string, @ZodBody(previewSchema, previewExample) body: PreviewInput) {
    return this.messages.preview(clinicId, body);
  }
}
