/**
 * How the HTML newsletter draft looks, as inline `style` attributes: email clients drop or rewrite
 * `<style>` sheets (Gmail keeps no `<body>` style either), so each element carries its own, in the
 * plain properties they all keep (px sizes, hex colours, web-safe fonts). The content sits in a
 * centred column that stays readable on a phone and on a wide screen.
 */
export const EMAIL_STYLES = {
  body: 'margin:0;padding:0;background-color:#ffffff',
  column:
    'max-width:640px;margin:0 auto;padding:24px 16px;color:#222222;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5',
  h1: 'margin:0 0 24px;color:#1a4d7a;font-family:Arial,Helvetica,sans-serif;font-size:26px;line-height:1.25',
  h2: 'margin:32px 0 12px;padding-bottom:4px;border-bottom:2px solid #1a4d7a;color:#1a4d7a;font-family:Arial,Helvetica,sans-serif;font-size:22px;line-height:1.3',
  h3: 'margin:24px 0 8px;color:#333333;font-family:Arial,Helvetica,sans-serif;font-size:19px;line-height:1.3',
  h4: 'margin:16px 0 8px;color:#555555;font-family:Arial,Helvetica,sans-serif;font-size:17px;line-height:1.3',
  article: 'margin:0 0 20px;padding-left:12px;border-left:3px solid #d0dbe5',
  p: 'margin:0 0 12px',
  byline: 'margin:0 0 12px;color:#666666;font-size:14px',
  // A long address breaks anywhere rather than widening the column on a phone.
  a: 'color:#1a4d7a;text-decoration:underline;word-break:break-all',
} as const;
