import type { ComponentProps } from 'react';

export type ButtonVariant = 'primary' | 'secondary' | 'quiet' | 'danger';

export interface ButtonProps extends ComponentProps<'button'> {
  variant?: ButtonVariant;
  size?: 'normal' | 'small';
  /** Shows `busyLabel` and blocks repeated clicks while an action runs. */
  busy?: boolean;
  busyLabel?: string;
}

export function Button({ variant = 'secondary', size = 'normal', busy = false, busyLabel, type = 'button', className, children, disabled, ...rest }: ButtonProps) {
  const classes = ['button', `button--${variant}`, size === 'small' ? 'button--small' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <button type={type} className={classes} disabled={disabled || busy} aria-busy={busy || undefined} {...rest}>
      {busy && busyLabel ? busyLabel : children}
    </button>
  );
}
