import { afterFailure, type NoticeQueue, type NoticeRecipient, type QueuedNotice } from '../../news/notice-queue.js';
import type { Reply } from '../../reply/reply.js';

/** For memory:// stores: the outbox of this process, checked and changed with no await between. */
export class MemoryNoticeQueue implements NoticeQueue {
  private readonly notices = new Map<number, { notice: QueuedNotice; availableAt: number; owner?: string }>();
  private lastNumber = 0;

  async add(recipient: NoticeRecipient, reply: Reply, nowMs: number): Promise<void> {
    const id = ++this.lastNumber;
    this.notices.set(id, {
      notice: structuredClone({ id, recipient, reply, queuedAt: nowMs, attempts: 0 }),
      availableAt: nowMs,
    });
  }

  async claim(
    platform: NoticeRecipient['platform'],
    owner: string,
    nowMs: number,
    leaseMs: number,
    limit: number,
  ): Promise<QueuedNotice[]> {
    const due = [...this.notices.values()]
      .filter((e) => e.notice.recipient.platform === platform && e.availableAt <= nowMs)
      .slice(0, limit);
    for (const entry of due) Object.assign(entry, { owner, availableAt: nowMs + leaseMs });
    return due.map((e) => structuredClone(e.notice));
  }

  async delivered(notice: QueuedNotice, owner: string): Promise<void> {
    if (this.notices.get(notice.id)?.owner === owner) this.notices.delete(notice.id);
  }

  async failed(notice: QueuedNotice, owner: string, error: string, retryAtMs: number): Promise<void> {
    const entry = this.notices.get(notice.id);
    if (entry?.owner === owner)
      this.notices.set(notice.id, { notice: afterFailure(entry.notice, error), availableAt: retryAtMs });
  }

  async list(): Promise<QueuedNotice[]> {
    return structuredClone([...this.notices.values()].map((e) => e.notice));
  }
}
