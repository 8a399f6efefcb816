/** The slash command, as registered in the Slack app (see `gsef slack-manifest`). */
export const SLASH_COMMAND = '/gsef';

/** The `action_id` of the "Share in channel" button under a private answer. */
export const SHARE_ACTION_ID = 'gsef_share';

/**
 * The `action_id`s of the buttons of a reply's actions (Approve / Reject, Yes / No): `gsef_action_0`,
 * `gsef_action_1`… in the order of the reply's actions. Their value is the command they run.
 */
export const REPLY_ACTION_PREFIX = 'gsef_action_';
/** The same for the buttons each reader presses for themselves (`ReplyAction.eachReader`): `gsef_each_0`… */
export const EACH_READER_ACTION_PREFIX = 'gsef_each_';
export const REPLY_ACTION_ID = /^gsef_(?:action|each)_\d+$/;

/** The message shortcut "Send to GSEF newsletter" (see `gsef slack-manifest`). */
export const NEWS_SHORTCUT_CALLBACK_ID = 'gsef_send_to_newsletter';

/** The reaction that sends a message to the newsletter queue: :newspaper:. */
export const NEWS_REACTION = 'newspaper';
/** The reaction that proposes a message for the next steering-committee meeting's agenda (:clipboard:, 📋). */
export const PROPOSAL_REACTION = 'clipboard';
