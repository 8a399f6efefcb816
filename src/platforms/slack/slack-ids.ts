/** The slash command, as registered in the Slack app (see `gsef slack-manifest`). */
export const SLASH_COMMAND = '/gsef';

/** The `action_id` of the "Share in channel" button under a private answer. */
export const SHARE_ACTION_ID = 'gsef_share';
