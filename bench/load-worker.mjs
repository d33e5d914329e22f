// Runs autocannon in its own process, so the load generator shares neither the
// server's event loop nor its heap (the server runs in the bench process).
// Options come as JSON on stdin; the result goes to stdout as JSON.
import autocannon from 'autocannon';

let input = '';
for await (const chunk of process.stdin) input += chunk;
const result = await autocannon(JSON.parse(input));
process.stdout.write(JSON.stringify(result));
