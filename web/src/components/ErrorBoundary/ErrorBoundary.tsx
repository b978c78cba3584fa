import { Alert, Paragraph } from '@amsterdam/design-system-react';
import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

function Fallback({ error }: { error: Error }) {
  const { t } = useTranslation();
  return (
    <Alert heading={t('errors.pageHeading')} headingLevel={2} severity="error">
      <Paragraph>{t('errors.pageBody')}</Paragraph>
      <Paragraph size="small">{error.message}</Paragraph>
    </Alert>
  );
}

/** One per page: a failing page says so and leaves the shell usable. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  render() {
    return this.state.error ? <Fallback error={this.state.error} /> : this.props.children;
  }
}
