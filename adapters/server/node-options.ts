/**
 * The V8 heap settings the server is deployed with (`NODE_OPTIONS` in the Dockerfile; the same
 * string belongs on `npm start`). They have to be given when node starts: V8 sizes its heap then.
 *
 * - `--max-semi-space-size=2`: a 2 MB young generation instead of node 20's 16 MB. Request garbage
 *   is short-lived and small; the bigger nursery only buys resident memory (about 25 MB idle).
 * - `--max-old-space-size=256`: an explicit heap cap. The live heap is ~35 MB; with a cap V8
 *   collects before growing, and peak RSS under load stays ~125 MB instead of 150–190 MB (the
 *   in-memory feedback store's worst case, 10,000 votes of 4,000-character questions, still fits).
 *
 * `bench/server-rss.ts` measures the server with and without them; a test keeps the Dockerfile in step.
 */
export const SERVER_NODE_OPTIONS = '--max-semi-space-size=2 --max-old-space-size=256';
