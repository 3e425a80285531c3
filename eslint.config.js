import nx from '@nx/eslint-plugin';

export default [
  { ignores: ['**/dist/**', '**/generated/**', '**/node_modules/**', '.local/**', '.nx/**'] },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/src/**/*.ts'],
    rules: {
      // The architecture, enforced: apps are deployables and never import each other;
      // libs hold only what apps share and never import an app.
      '@nx/enforce-module-boundaries': [
        'error',
        {
          allow: [],
          depConstraints: [
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      // Nest injects by constructor parameter type: those imports are values at runtime.
      '@typescript-eslint/consistent-type-imports': 'off',
    },
  },
];
