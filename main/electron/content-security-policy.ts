// The app's Content-Security-Policy: everything from the app's own origin, nothing remote,
// no inline or evaluated script, no plugins, no frames, no form posts. Sent as a response
// header with every page the app:// protocol serves; the renderer's index.html carries the
// same policy in its meta tag. The browser enforces both: every directive the meta states
// is the same here, and this header only adds what a meta tag cannot say or leaves open
// (frames, workers, framing by other pages). tests/main/electron/content-security-policy.test.ts
// holds the two together.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "worker-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
