// The language switcher: a native select, labelled for screen readers.
export interface LanguageOption {
  readonly code: string;
  readonly label: string;
}

export interface LanguageSelectProps {
  readonly languages: readonly LanguageOption[];
  readonly value: string;
  readonly label: string;
  readonly onChange: (code: string) => void;
  readonly className?: string;
}

export function LanguageSelect({ languages, value, label, onChange, className }: LanguageSelectProps) {
  return (
    <label className={className ? `language-switcher ${className}` : 'language-switcher'}>
      <span className="visually-hidden">{label}</span>
      <select value={value} onChange={(event) => onChange(event.target.value)} aria-label={label}>
        {languages.map((language) => (
          <option key={language.code} value={language.code}>
            {language.label}
          </option>
        ))}
      </select>
    </label>
  );
}
