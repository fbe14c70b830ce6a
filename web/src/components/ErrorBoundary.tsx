import { Button } from "antd";
import { Component, type ErrorInfo, type ReactNode } from "react";
import { i18n } from "../i18n";
import { Result } from "./lazy-antd";

type Props = { children: ReactNode; resetKey?: string };
type State = { error: Error | null; resetKey?: string };

/** Keeps one broken page from blanking the whole application; resets when the route changes. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    if (props.resetKey !== state.resetKey) return { error: null, resetKey: props.resetKey };
    return null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <Result
        status="error"
        title={i18n.t("errors.boundaryTitle")}
        subTitle={i18n.t("errors.boundaryText")}
        extra={
          <Button type="primary" onClick={() => window.location.reload()}>
            {i18n.t("errors.reload")}
          </Button>
        }
      />
    );
  }
}
