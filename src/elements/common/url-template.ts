// Link templates a page sets on an element (`top-up-url="/billing/top-up?credits={credits}"`,
// `chat-url="/chats/{chatId}"`): each {name} is replaced by its value, percent-encoded, so a value
// from the host (a chat id) can never change the link's path or scheme. A template that is not an
// http(s) or relative URL (javascript:, data:) gives no link at all.

/** The URL of `template` with its `{name}`s filled in, or undefined when it would not be a safe link. */
export function fillUrlTemplate(template: string | undefined | null, values: Readonly<Record<string, string>>): string | undefined {
  if (!template) return undefined;
  const filled = template.replace(/\{([A-Za-z][\w-]*)\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? encodeURIComponent(values[name]!) : whole,
  );
  let url: URL;
  try {
    url = new URL(filled, 'https://relative.invalid/');
  } catch {
    return undefined;
  }
  return url.protocol === 'https:' || url.protocol === 'http:' ? filled : undefined;
}
