// apps/ is its own npm package (see apps/package.json): its imports are
// declared there, not in the root package.json that the root lint's
// @backstage/no-undeclared-imports rule checks against.
module.exports = {
  rules: {
    '@backstage/no-undeclared-imports': 'off',
  },
};
