// Values of secret-like variables never reach a hover, a log line or CLI output in clear.
const SECRET_NAME = /PASSWORD|PASSWD|TOKEN|SECRET|KEY|CREDENTIAL/i;

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

export function displayValue(name: string, value: string): string {
  if (value === '') return '(empty)';
  return isSecretName(name) ? '•••••• (masked)' : value;
}
