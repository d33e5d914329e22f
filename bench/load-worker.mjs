// Runs autocannon in its own process, so the load generator shares neither the
// server's event loop nor its heap (the server runs in the bench process).
// Options come as JSON on stdin; the result goes to stdout as JSON.
// With `graphqlErrors: true`, a 200 response whose body carries GraphQL
// `errors` counts as a mismatch: a failing query answers 200 with errors, which
// status codes alone would count as a success.
import autocannon from 'autocannon';

let input = '';
for await (const chunk of process.stdin) input += chunk;
const { graphqlErrors, ...options } = JSON.parse(input);
if (graphqlErrors)
  options.verifyBody = (body) => {
    try {
      return JSON.parse(body).errors === undefined;
    } catch {
      return false; // not JSON: not a GraphQL answer
    }
  };
const result = await autocannon(options);
process.stdout.write(JSON.stringify(result));
