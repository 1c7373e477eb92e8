// The app's Content-Security-Policy: everything from the app's own origin, nothing remote,
// no inline or evaluated script, no plugins, no frames, no form posts. Sent as a response
// header with every page the app:// protocol serves; the renderer's index.html carries the
// same policy in its meta tag (the browser enforces both, so neither may be looser).
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "worker-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
