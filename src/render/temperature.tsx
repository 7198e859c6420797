/** The header's temperature line: `28.5°C درجة الحرارة في بيروت`, or a same-size placeholder when unknown. */

/** What the header shows: a temperature in °C, or null when no fresh value is known. */
export interface TemperatureReading {
  tempC: number | null;
}

/** Formats a temperature with one decimal, e.g. 28.5°C. */
function formatTemperature(tempC: number): string {
  // Math.round first so -0.04 shows as 0.0, not -0.0.
  return `${(Math.round(tempC * 10) / 10 || 0).toFixed(1)}°C`;
}

export function Temperature({ reading }: { reading: TemperatureReading }) {
  if (reading.tempC === null) {
    return (
      <p class="temp">
        <b>
          <span aria-hidden="true">–</span>
          <span class="vh">غير متوفرة</span>
        </b>{' '}
        درجة الحرارة في بيروت
      </p>
    );
  }
  return (
    <p class="temp">
      <b>{formatTemperature(reading.tempC)}</b> درجة الحرارة في بيروت
    </p>
  );
}
