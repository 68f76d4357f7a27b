// Stand-in for @apidevtools/json-schema-ref-parser under Jest. That package is ES-module-only:
// Node 20 loads it, but Jest's module registry cannot (Jest needs Node 24.9+ for require(esm)).
// openapi-backend in quick mode, given a parsed spec object, only passes it through parse()
// without awaiting and dereferences by other means, so nothing here does real work.

const unused = () => Promise.reject(new Error('the ref parser is not used in quick mode'));

const refParser = {
  parse: (document: unknown) => Promise.resolve(document),
  dereference: unused,
  resolve: unused,
};

export default refParser;
