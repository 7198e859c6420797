// What the bench drives in one V8: the app's own factory and parts, bundled by esbuild (Node cannot load .tsx).
export { createApp } from '../src/app.ts';
export { NO_COLO_CACHE } from '../src/cache/colo.ts';
export { createIsolateCaches } from '../src/cache/isolate.ts';
export { createWeatherService } from '../src/weather/service.ts';
