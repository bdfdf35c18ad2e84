import { UnauthorizedException } from '@nestjs/common';
import { AppError } from '../../common/app-error';
import { toOperationOutcome } from './fhir-exception.filter';

describe(toOperationOutcome.name, () => {
  it.each([
    {
      title: 'a missing API key',
      error: new UnauthorizedException('Missing credentials'),
      status: 401,
      issue: { severity: 'error', code: 'login', details: { text: 'Missing credentials' } },
    },
    {
      title: 'a clinic without settings',
      error: AppError.notFound('This clinic has no settings'),
      status: 404,
      issue: { severity: 'error', code: 'not-found', details: { text: 'This clinic has no settings' } },
    },
    {
      title: 'a problem naming its path',
      error: AppError.invalid([{ path: 'Appointment.start', message: 'is required' }]),
      status: 400,
      issue: {
        severity: 'error',
        code: 'invalid',
        details: { text: 'is required' },
        expression: ['Appointment.start'],
      },
    },
    {
      title: 'a body that is not JSON',
      error: { type: 'entity.parse.failed', status: 400, message: 'Unexpected token' },
      status: 400,
      issue: { severity: 'error', code: 'invalid', details: { text: 'Unexpected token' } },
    },
    {
      title: 'an unexpected error, whose message stays inside',
      error: new Error('patient +33612345678'),
      status: 500,
      issue: { severity: 'fatal', code: 'exception', details: { text: 'Internal server error' } },
    },
  ])('should answer $title with its status and an OperationOutcome', ({ error, status, issue }) => {
    expect(toOperationOutcome(error)).toEqual({
      status,
      outcome: { resourceType: 'OperationOutcome', issue: [issue] },
    });
  });
});
