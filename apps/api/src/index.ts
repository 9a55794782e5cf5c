export { createApp, type App, type AppOptions, type EdgeSettings } from './yoga.ts';
export { loadConfig, ConfigError, type Config } from './config.ts';
export { createLogger, type Logger } from './logger.ts';
