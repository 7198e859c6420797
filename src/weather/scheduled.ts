/** The cron trigger's job: refresh the stored temperature; a bad answer leaves the last good value in place. */
import type { RefreshOutcome, WeatherService } from './service.ts';

export async function refreshOnSchedule(weather: WeatherService, env: Env): Promise<RefreshOutcome> {
  const outcome = await weather.refresh(env.WEATHER_KV, env.WEATHER_URL);
  if (outcome.ok && outcome.stored) {
    console.log(`weather: stored ${outcome.value.tempC}°C observed ${outcome.value.observedAt}`);
  } else if (outcome.ok) {
    console.error(`weather: fetched ${outcome.value.tempC}°C but could not store it; KV keeps the previous value`);
  }
  return outcome;
}
