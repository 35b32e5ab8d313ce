// The tab's React binding of FormatJS (src/intl/react.tsx): what react-intl gave the tab, no more.
import { render, screen } from '@testing-library/react';
import { untyped } from '../../../../src/intl';
import { defineMessages, IntlProvider, useIntl } from '../../../../src/intl/react';

const m = untyped(
  defineMessages({
    hello: { id: 't.hello', defaultMessage: 'Hello {name}', description: 'test' },
    count: {
      id: 't.count',
      defaultMessage: '{n, plural, one {# session} other {# sessions}}',
      description: 'test',
    },
  }),
);

function Hello() {
  const intl = useIntl();
  return (
    <p>
      {intl.formatMessage(m.hello, { name: 'vmstore' })} · {intl.formatMessage(m.count, { n: 3 })} ·{' '}
      {intl.formatNumber(1234.5)}
    </p>
  );
}

test('formats English from the messages themselves, with plurals and the locale', () => {
  render(
    <IntlProvider locale="en-US" defaultLocale="en-US" messages={{}}>
      <Hello />
    </IntlProvider>,
  );
  expect(screen.getByText('Hello vmstore · 3 sessions · 1,234.5')).toBeInTheDocument();
});

test("a locale's catalog wins over the English text, by id", () => {
  render(
    <IntlProvider
      locale="de-DE"
      defaultLocale="en-US"
      messages={{ 't.hello': 'Hallo {name}' }}
      onError={() => undefined}
    >
      <Hello />
    </IntlProvider>,
  );
  expect(screen.getByText('Hallo vmstore · 3 sessions · 1.234,5')).toBeInTheDocument();
});

test('a missing translation is reported to onError, and the English text is shown', () => {
  const errors: string[] = [];
  render(
    <IntlProvider
      locale="de-DE"
      defaultLocale="en-US"
      messages={{}}
      onError={(e) => errors.push(e.code)}
    >
      <Hello />
    </IntlProvider>,
  );
  expect(screen.getByText(/^Hello vmstore/)).toBeInTheDocument();
  expect(errors).toContain('MISSING_TRANSLATION');
});

test('useIntl outside an IntlProvider is a bug, and says so', () => {
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
  expect(() => render(<Hello />)).toThrow(/Could not find the `intl` object/);
});
