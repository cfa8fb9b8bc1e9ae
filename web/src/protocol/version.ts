/** Version of the wire protocol this client speaks (docs/protocol.md, P-VER-2). */
export const PROTOCOL_VERSION = 1;
