// A colour choice from the option palette: a native select (keyboard and screen readers for free) beside a swatch.
import { OPTION_COLORS } from '../../../engine';
import type { OptionColor } from './field-form';
import { useDesignerNames } from './kind-names';

export interface ColorSelectProps {
  readonly value: OptionColor;
  readonly label: string;
  readonly onChange: (color: OptionColor) => void;
}

function isOptionColor(value: string): value is OptionColor {
  return (OPTION_COLORS as readonly string[]).includes(value);
}

export function ColorSelect({ value, label, onChange }: ColorSelectProps) {
  const names = useDesignerNames();
  return (
    <span className="designer-color">
      <span className={`designer-swatch designer-color-${value}`} aria-hidden="true" />
      <select
        className="text-input designer-color-select"
        aria-label={label}
        value={value}
        onChange={(event) => {
          if (isOptionColor(event.target.value)) onChange(event.target.value);
        }}
      >
        {OPTION_COLORS.map((color) => (
          <option key={color} value={color}>
            {names.color(color)}
          </option>
        ))}
      </select>
    </span>
  );
}
