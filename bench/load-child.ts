/**
 * The load generator's own process (forked by bench/load.ts): receives one window's options,
 * runs autocannon and sends back every response time. Nothing of the server is imported here.
 */
import { requestsOf, runAutocannon, type LoadOptions } from './load.js';

// The parent disconnects once it has the answer, which ends this process. Disconnecting here could let
// the parent see the exit before a large answer (every response time) has arrived. `on`, not `once`: with
// no 'message' listener left Node unreferences the IPC channel, and the process could end on its own
// between autocannon's last socket and the answer.
process.on('message', (o: LoadOptions) => {
  runAutocannon(o.url, o.durationSec, o.connections, requestsOf(o.source))
    .then((raw) => process.send!({ ok: true, raw }))
    .catch((e: unknown) => process.send!({ ok: false, error: e instanceof Error ? e.message : String(e) }));
});
