import { responseErrors } from './challenge.js';

describe('responseErrors', () => {
  it('turns each message of each field into a protocol error detail', () => {
    expect(responseErrors({ password: ['Too short.', 'Too common.'], non_field_errors: ['Failed.'] })).toEqual({
      password: [
        { string: 'Too short.', code: 'invalid' },
        { string: 'Too common.', code: 'invalid' },
      ],
      non_field_errors: [{ string: 'Failed.', code: 'invalid' }],
    });
  });

  it('uses the code it is given', () => {
    expect(responseErrors({ uid_field: ['This field is required.'] }, 'required')).toEqual({
      uid_field: [{ string: 'This field is required.', code: 'required' }],
    });
  });

  it('answers no fields for no errors, and keeps a field whose list is empty', () => {
    expect(responseErrors({})).toEqual({});
    expect(responseErrors({ token: [] })).toEqual({ token: [] });
  });
});
