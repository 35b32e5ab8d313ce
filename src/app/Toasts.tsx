// Success and failure toasts: WebAdmin's own (pluginApi.showToast) when available, else a toast
// group inside the tab (standalone runs, tests without pluginApi).
import { Alert, AlertActionCloseButton, AlertGroup } from '@patternfly/react-core';
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useMemo,
  useRef,
  useState,
} from 'react';
import { type ToastType, useGeoRepEnvironment } from './environment';

type Notify = (type: ToastType, message: string) => void;

const NotifyContext = createContext<Notify>(() => undefined);

interface Toast {
  key: number;
  type: ToastType;
  message: string;
}

export function ToastProvider({ children }: { children: ReactNode }) {
  const { showToast } = useGeoRepEnvironment();
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(0);
  const dismiss = useCallback(
    (key: number) => setToasts((t) => t.filter((x) => x.key !== key)),
    [],
  );
  const notify = useCallback<Notify>(
    (type, message) => {
      if (showToast) {
        try {
          showToast(type, message);
          return;
        } catch {
          // fall back to our own toast
        }
      }
      next.current += 1;
      const key = next.current;
      setToasts((t) => [...t, { key, type, message }]);
    },
    [showToast],
  );
  const value = useMemo(() => notify, [notify]);
  return (
    <NotifyContext.Provider value={value}>
      {children}
      <AlertGroup isToast isLiveRegion>
        {toasts.map((t) => (
          <Alert
            key={t.key}
            variant={t.type}
            title={t.message}
            timeout={8000}
            onTimeout={() => dismiss(t.key)}
            actionClose={<AlertActionCloseButton onClose={() => dismiss(t.key)} />}
          />
        ))}
      </AlertGroup>
    </NotifyContext.Provider>
  );
}

export function useNotify(): Notify {
  return useContext(NotifyContext);
}
