export * from './scopes.js';
export * from './auth.errors.js';
export * from './authenticator.js';
export * from './access-policy.js';
export * from './key-hash.js';
export * from './api-keys.setting.js';
export * from './http-security.settings.js';
export * from './http-security.module.js';
