/**
 * Just enough HTTP/1.1 framing for the fault proxy: split a byte stream into
 * whole messages by their Content-Length (our server and fetch both send one;
 * chunked bodies are refused loudly, since the proxy could not fault them exactly).
 * A Server-Sent Events answer never ends: the proxy recognises its head and
 * passes the rest of that connection through as it comes.
 */
export interface Framed {
  message: Buffer;
  rest: Buffer;
}

export function takeMessage(buf: Buffer): Framed | null {
  const headEnd = buf.indexOf('\r\n\r\n');
  if (headEnd < 0) return null;
  const head = buf.subarray(0, headEnd).toString('latin1');
  if (/^transfer-encoding:\s*chunked/im.test(head))
    throw new Error('fault proxy: chunked messages are not supported');
  const m = /^content-length:\s*(\d+)/im.exec(head);
  const bodyLen = m ? Number(m[1]) : 0;
  const total = headEnd + 4 + bodyLen;
  if (buf.length < total) return null;
  return { message: buf.subarray(0, total), rest: buf.subarray(total) };
}

/** The buffer starts with a whole response head whose body is an event stream. */
export function startsEventStream(buf: Buffer): boolean {
  const headEnd = buf.indexOf('\r\n\r\n');
  return (
    headEnd >= 0 && /^content-type:\s*text\/event-stream/im.test(buf.subarray(0, headEnd).toString('latin1'))
  );
}
