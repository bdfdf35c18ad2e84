import { ApiError } from '../../../api/apiClient';
import { fieldErrors } from './fieldErrors';

describe(fieldErrors.name, () => {
  it('keys a 400’s problems by the field they name', () => {
    const error = new ApiError(400, 'Invalid request', [
      { path: 'body.manager.password', message: 'too common' },
      { path: 'body.clinic.timeZone', message: 'must be an IANA time zone' },
    ]);
    expect(fieldErrors(error)).toEqual({
      'manager.password': 'too common',
      'clinic.timeZone': 'must be an IANA time zone',
    });
  });

  it.each([
    new ApiError(409, 'Already set up', [{ path: 'body', message: 'already set up' }]),
    new Error('x'),
    null,
  ])('has no field errors for %p', (error) => {
    expect(fieldErrors(error)).toEqual({});
  });
});
