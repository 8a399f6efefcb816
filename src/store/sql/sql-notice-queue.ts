import {
  afterFailure,
  noticeFromJson,
  noticeToJson,
  type NoticeQueue,
  type NoticeRecipient,
  type QueuedNotice,
} from '../../news/notice-queue.js';
import type { Reply } from '../../reply/reply.js';
import { storedSchema } from '../stored-value.js';
import { rowsOf, type SqlDatabase } from './sql-database.js';

const noticeRow = storedSchema((z) => z.object({ id: z.number().int(), notice: z.string() }));

/**
 * The outbox as one table. `available_at` is when a notice may next be claimed: when it was
 * queued, the end of a claim's lease, or the end of a failed attempt's back-off.
 */
export class SqlNoticeQueue implements NoticeQueue {
  private constructor(private readonly db: SqlDatabase) {}

  static async open(db: SqlDatabase): Promise<SqlNoticeQueue> {
    await db.define([
      `CREATE TABLE IF NOT EXISTS gsef_notices (
        id ${db.autoNumberedKey},
        platform TEXT NOT NULL,
        available_at BIGINT NOT NULL,
        claimed_by TEXT,
        notice TEXT NOT NULL)`,
      'CREATE INDEX IF NOT EXISTS gsef_notices_due ON gsef_notices (platform, available_at)',
    ]);
    return new SqlNoticeQueue(db);
  }

  async add(recipient: NoticeRecipient, reply: Reply, nowMs: number): Promise<void> {
    const now = Math.floor(nowMs);
    await this.db.query('INSERT INTO gsef_notices (platform, available_at, notice) VALUES ($1, $2, $3)', [
      recipient.platform,
      now,
      noticeToJson({ recipient, reply, queuedAt: now, attempts: 0 }),
    ]);
  }

  async claim(
    platform: NoticeRecipient['platform'],
    owner: string,
    nowMs: number,
    leaseMs: number,
    limit: number,
  ): Promise<QueuedNotice[]> {
    const now = Math.floor(nowMs);
    // One statement. The picked rows are locked, passing over those another instance is claiming
    // (else instances at once would all pick the same oldest rows, one would win them and the
    // others come back empty while later notices wait); the outer condition is checked again on
    // each row as it is locked, so a row claimed meanwhile is left out.
    const rows = await this.db.query(
      `UPDATE gsef_notices SET claimed_by = $1, available_at = $2
       WHERE id IN (SELECT id FROM gsef_notices WHERE platform = $3 AND available_at <= $4 ORDER BY id LIMIT $5 ${this.db.lockPickedRows})
         AND available_at <= $4
       RETURNING id, notice`,
      [owner, now + leaseMs, platform, now, limit],
    );
    const notices = await Promise.all(
      (await rowsOf(noticeRow, 'gsef_notices', rows)).map((row) => noticeFromJson(row.id, row.notice)),
    );
    return notices.sort((a, b) => a.id - b.id);
  }

  async delivered(notice: QueuedNotice, owner: string): Promise<void> {
    await this.db.query('DELETE FROM gsef_notices WHERE id = $1 AND claimed_by = $2', [notice.id, owner]);
  }

  async failed(notice: QueuedNotice, owner: string, error: string, retryAtMs: number): Promise<void> {
    const { id, ...rest } = afterFailure(notice, error);
    await this.db.query(
      'UPDATE gsef_notices SET notice = $1, available_at = $2, claimed_by = NULL WHERE id = $3 AND claimed_by = $4',
      [noticeToJson(rest), Math.floor(retryAtMs), id, owner],
    );
  }

  async list(): Promise<QueuedNotice[]> {
    const rows = await this.db.query('SELECT id, notice FROM gsef_notices ORDER BY id');
    return Promise.all(
      (await rowsOf(noticeRow, 'gsef_notices', rows)).map((row) => noticeFromJson(row.id, row.notice)),
    );
  }
}
