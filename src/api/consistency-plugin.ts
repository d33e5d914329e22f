// Each GraphQL operation reads one state of the graph: the operation holds its
// request's store view (request-store.ts) from the start of execution to the
// end, so every statement its resolvers and loaders run shares one snapshot.
import type { Plugin } from 'graphql-yoga';
import type { AppContext } from './context.js';
import { RequestStore } from './request-store.js';

export const consistentReads: Plugin<AppContext> = {
  onExecute({ args }) {
    const store = args.contextValue.store;
    if (!(store instanceof RequestStore)) return;
    store.hold();
    return {
      onExecuteDone() {
        store.letGo();
      },
    };
  },
};
