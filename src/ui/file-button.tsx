// A button that opens the file picker and hands over the chosen file's text.
import { useRef } from 'react';
import { Button, type ButtonVariant } from './button';

export interface FileButtonProps {
  readonly label: string;
  readonly accept: string;
  readonly variant?: ButtonVariant;
  readonly onText: (text: string, fileName: string) => void;
  readonly onError: (error: unknown) => void;
  readonly testId?: string;
}

export function FileButton({
  label,
  accept,
  variant = 'secondary',
  onText,
  onError,
  testId,
}: FileButtonProps) {
  const inputRef = useRef<HTMLInputElement>(null);
  return (
    <>
      <Button variant={variant} onClick={() => inputRef.current?.click()}>
        {label}
      </Button>
      <input
        ref={inputRef}
        type="file"
        accept={accept}
        hidden
        data-testid={testId}
        onChange={(event) => {
          const input = event.currentTarget;
          const file = input.files?.[0];
          input.value = '';
          if (!file) return;
          file.text().then(
            (text) => onText(text, file.name),
            (error: unknown) => onError(error),
          );
        }}
      />
    </>
  );
}
