// The types the builder and the schema files share: the builder's type
// parameters and the values its scalars carry. They live here, below both,
// so that the builder imports nothing from schema/.
import type { AppContext } from './context.js';

/**
 * An uploaded file as graphql-yoga hands it to resolvers: a WHATWG File, but
 * possibly of the fetch ponyfill's class rather than Node's global one, so it
 * is recognized by shape, not by instanceof.
 */
export interface UploadedFile {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** The type parameters of the Pothos builder (src/api/builder.ts). */
export interface ApiSchemaTypes {
  Context: AppContext;
  Connection: { totalCount: number };
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
  Scalars: { JSON: { Input: unknown; Output: unknown }; Upload: { Input: UploadedFile; Output: never } };
}
