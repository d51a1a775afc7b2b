import { createHash } from 'node:crypto';
import type { OutboundClient } from '@authmesh/outbound';

/** The public HaveIBeenPwned Pwned Passwords API. */
export const HIBP_API_URL = 'https://api.pwnedpasswords.com';

/** The breach count could not be learned: the API was unreachable, refused, or answered nonsense. */
export class BreachCheckUnavailableError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'BreachCheckUnavailableError';
  }
}

const RANGE_LINE = /^([0-9A-F]{35}):([0-9]{1,15})$/i;

/**
 * Asks the Pwned Passwords range API how often a password appears in known breaches, using
 * k-anonymity: only the first five hex characters of the password's SHA-1 leave the process, and
 * the answer is padded so its size does not reveal how many real suffixes share that prefix.
 */
export class HibpRangeClient {
  private readonly baseUrl: string;

  constructor(
    baseUrl: string,
    private readonly client: OutboundClient,
  ) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
  }

  /** How many times `password` was seen in breaches; 0 when never. Throws `BreachCheckUnavailableError`. */
  async count(password: string): Promise<number> {
    const hash = createHash('sha1').update(password, 'utf8').digest('hex').toUpperCase();
    const prefix = hash.slice(0, 5);
    let response;
    try {
      response = await this.client.request(`${this.baseUrl}/range/${prefix}`, { headers: { 'Add-Padding': 'true' } });
    } catch (error) {
      throw new BreachCheckUnavailableError('the Pwned Passwords API could not be reached', { cause: error });
    }
    if (response.status !== 200) throw new BreachCheckUnavailableError(`the Pwned Passwords API answered ${response.status}`);
    return countInRange(response.text(), hash.slice(5));
  }
}

// Every line must be well-formed: an answer we cannot read is no evidence the password is safe.
function countInRange(body: string, suffix: string): number {
  let count = 0;
  for (const line of body.split('\n')) {
    const entry = line.trim();
    if (entry === '') continue;
    const match = RANGE_LINE.exec(entry);
    if (!match) throw new BreachCheckUnavailableError('the Pwned Passwords API answered with a malformed range');
    if (match[1].toUpperCase() === suffix) count = Number(match[2]);
  }
  return count;
}
