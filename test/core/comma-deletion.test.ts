// Words deleted between two commas: an aside takes both commas with it, but words that open a
// clause ("please note that,") were no aside, and the comma before them stays.
import * as assert from 'node:assert/strict';
import { fixAll, lint } from '../../src/core/index';
import { ruleSetOf } from '../helpers';

const set = ruleSetOf({
  'no-cold-formality': `patterns:
  - phrase: "please note that"
    fix: ""
  - phrase: "as you know"
    fix: ""`,
});
const fixed = (text: string) =>
  fixAll(text, (t) => lint(t, { ruleSet: set, language: 'en', settings: {} }).findings).output;

describe('deleting words between two commas', () => {
  it('keeps the comma after a greeting when the words end on a clause opener', () => {
    assert.equal(
      fixed('Dear Ms Olsen, please note that, under section 4 of the policy, fences are not covered.'),
      'Dear Ms Olsen, under section 4 of the policy, fences are not covered.',
    );
  });

  it('takes both commas with an aside', () => {
    assert.equal(fixed('The parcel is, as you know, on its way.'), 'The parcel is on its way.');
  });

  it('removes one space elsewhere', () => {
    assert.equal(fixed('Hi Sam, please note that the parcel left today.'), 'Hi Sam, the parcel left today.');
  });
});
