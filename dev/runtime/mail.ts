// MailApp stand-in: mail is recorded, not sent. Every recipient (to, cc and bcc) counts against
// the daily quota (100 for consumer accounts), as on Google; error texts are Google's.
import { byteLength, type Env } from './env';

/** A message as the runtime recorded it; `to` is the list as the script gave it. */
export interface SentMail {
  to: string;
  subject: string;
  body: string;
  at: Date;
  htmlBody?: string;
  name?: string;
  cc?: string;
  bcc?: string;
  replyTo?: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_RECIPIENTS_PER_MESSAGE = 50;
const MAX_BODY_BYTES = 200 * 1024;
const ADDRESS = /^[^\s@<>,]+@[^\s@<>,]+\.[^\s@<>,]+$/;

interface Message {
  to?: unknown;
  cc?: unknown;
  bcc?: unknown;
  replyTo?: unknown;
  subject?: unknown;
  body?: unknown;
  htmlBody?: unknown;
  name?: unknown;
}

// Limitation: attachments, inline images and noReply are accepted but not recorded.
export class MailService {
  readonly #env: Env;
  readonly #sent: SentMail[];
  readonly #dailyQuota: number;
  #windowStart: number | null = null;
  #windowRecipients = 0;

  constructor(env: Env, sent: SentMail[], dailyQuota: number) {
    this.#env = env;
    this.#sent = sent;
    this.#dailyQuota = dailyQuota;
  }

  /** (message), (recipient, subject, body[, options]) or (recipient, replyTo, subject, body). */
  sendEmail(first: unknown, second?: unknown, third?: unknown, fourth?: unknown): void {
    if (first !== null && typeof first === 'object') {
      this.#send(first as Message);
    } else if (typeof fourth === 'string') {
      this.#send({ to: first, replyTo: second, subject: third, body: fourth });
    } else {
      const options = (fourth ?? {}) as Message;
      this.#send({ ...options, to: first, subject: second, body: third });
    }
  }

  getRemainingDailyQuota(): number {
    this.#rollWindow();
    return Math.max(0, this.#dailyQuota - this.#windowRecipients);
  }

  #send(message: Message): void {
    const recipients = [message.to, message.cc, message.bcc].flatMap((list) =>
      this.#addresses(list),
    );
    if (recipients.length === 0) this.#env.fail('Failed to send email: no recipient');
    if (recipients.length > MAX_RECIPIENTS_PER_MESSAGE) {
      this.#env.fail('Limit Exceeded: Email Recipients Per Message.');
    }
    const body = text(message.body);
    const htmlBody = message.htmlBody === undefined ? undefined : text(message.htmlBody);
    if (Math.max(byteLength(body), byteLength(htmlBody ?? '')) > MAX_BODY_BYTES) {
      this.#env.fail('Limit Exceeded: Email Body Size.');
    }
    this.#rollWindow();
    if (this.#windowRecipients + recipients.length > this.#dailyQuota) {
      this.#env.fail('Service invoked too many times for one day: email.');
    }
    this.#windowStart ??= this.#env.clock.now();
    this.#windowRecipients += recipients.length;

    const mail: SentMail = {
      to: text(message.to),
      subject: text(message.subject),
      body,
      at: new Date(this.#env.clock.now()),
    };
    if (htmlBody !== undefined) mail.htmlBody = htmlBody;
    for (const key of ['name', 'cc', 'bcc', 'replyTo'] as const) {
      if (message[key] !== undefined && message[key] !== null) mail[key] = text(message[key]);
    }
    this.#sent.push(mail);
  }

  /** A comma-separated list; `Name <address>` is accepted as Gmail accepts it. */
  #addresses(list: unknown): string[] {
    if (list === undefined || list === null) return [];
    const out: string[] = [];
    for (const entry of String(list).split(',')) {
      const trimmed = entry.trim();
      if (trimmed === '') continue;
      const address = /<([^>]*)>\s*$/.exec(trimmed)?.[1] ?? trimmed;
      if (!ADDRESS.test(address)) this.#env.fail(`Invalid email: ${trimmed}`);
      out.push(address);
    }
    return out;
  }

  /** The allowance restarts 24 hours after the first mail of the current window. */
  #rollWindow(): void {
    if (this.#windowStart !== null && this.#env.clock.now() - this.#windowStart >= DAY_MS) {
      this.#windowStart = null;
      this.#windowRecipients = 0;
    }
  }
}

function text(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}
