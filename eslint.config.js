import nx from '@nx/eslint-plugin';

export default [
  { ignores: ['**/dist/**', '**/generated/**', '**/node_modules/**', '.local/**', '.nx/**'] },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    files: ['**/src/**/*.ts', 'infra/**/*.mjs'],
    rules: {
      // The architecture, enforced: apps are deployables and never import each other;
      // libs hold only what apps share and never import an app; the tools (infra/) use libs only.
      '@nx/enforce-module-boundaries': [
        'error',
        {
          allow: [],
          depConstraints: [
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:lib'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['**/src/**/*.ts'],
    rules: {
      // Nest injects by constructor parameter type: those imports are values at runtime.
      '@typescript-eslint/consistent-type-imports': 'off',
    },
  },
];
