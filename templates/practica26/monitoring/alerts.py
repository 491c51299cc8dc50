"""In-process alert rules evaluated on metric values (Práctica 26)."""
import logging
import time
from dataclasses import dataclass
from typing import Callable, Dict, List


@dataclass
class AlertRule:
    name: str
    metric_name: str
    threshold: float
    comparison: str  # 'gt', 'lt', 'eq'
    duration: int  # seconds the condition must hold before the action runs
    action: Callable[["AlertRule", float], None]


class AlertManager:
    """Evaluates AlertRules on a dict of metric values; an alert fires once per episode."""

    def __init__(self, prefix: str, clock: Callable[[], float] = time.time):
        self.prefix = prefix
        self.clock = clock
        self.rules: List[AlertRule] = []
        self.alert_state: Dict[str, Dict] = {}

    def add_rule(self, rule: AlertRule):
        """Adds an alert rule."""
        if rule.comparison not in ('gt', 'lt', 'eq'):
            raise ValueError(f"unknown comparison {rule.comparison!r} in rule {rule.name}")
        self.rules.append(rule)
        self.alert_state[rule.name] = {
            'pending_since': None,
            'firing': False,
            'trigger_count': 0,
        }

    def check_alerts(self, metrics_data: Dict[str, float]):
        """Evaluates every rule whose metric is in metrics_data."""
        now = self.clock()
        for rule in self.rules:
            if rule.metric_name not in metrics_data:
                continue
            value = metrics_data[rule.metric_name]
            if self._evaluate_rule(rule, value):
                self._handle_alert(rule, value, now)
            else:
                self._reset_alert(rule.name)

    def _evaluate_rule(self, rule: AlertRule, value: float) -> bool:
        if rule.comparison == 'gt':
            return value > rule.threshold
        if rule.comparison == 'lt':
            return value < rule.threshold
        return value == rule.threshold

    def _handle_alert(self, rule: AlertRule, value: float, now: float):
        state = self.alert_state[rule.name]
        if state['pending_since'] is None:
            state['pending_since'] = now
        if not state['firing'] and now - state['pending_since'] >= rule.duration:
            state['firing'] = True
            state['trigger_count'] += 1
            rule.action(rule, value)

    def _reset_alert(self, rule_name: str):
        state = self.alert_state.get(rule_name)
        if state is not None:
            state['pending_since'] = None
            state['firing'] = False


# Alert actions

def email_alert(rule: AlertRule, value: float):
    """Stands in for an e-mail: prints the alert."""
    print(f"🚨 ALERTA: {rule.name} - Valor: {value} (Umbral: {rule.threshold})")


def log_alert(rule: AlertRule, value: float):
    """Writes the alert to the log."""
    logging.warning("Alert triggered: %s - Value: %s", rule.name, value)
