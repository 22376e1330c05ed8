// `creditkit/react`: React components for every creditkit element, made with @lit/react, with
// typed props and events (onServiceSelect, onPackageSelect, onCatalogChange, onError …). Importing this module
// registers the elements.
import { createComponent, type EventName } from '@lit/react';
import React from 'react';
import { CreditBalance, CreditBalanceStateEvent } from '../elements/balance/index.js';
import { CreditCalculator, CreditScenarioChangeEvent } from '../elements/calculator/index.js';
import { CreditChatCost, CreditCostChangeEvent } from '../elements/chat-cost/index.js';
import { CreditCatalogChangeEvent, CreditPackageSelectEvent, CreditPricingTable, CreditServiceSelectEvent } from '../elements/pricing-table/index.js';
import type { CreditErrorEvent } from '../elements/common/events.js';
import { CreditPeriodChangeEvent, CreditUsage } from '../elements/usage/index.js';
import { CreditStatement, CreditStatementChangeEvent, CreditStatementDownloadEvent } from '../elements/statement/index.js';

const onError = 'credit-error' as EventName<CreditErrorEvent>;

/** A React component for one element: its tag, class and own events, and `onError`, which every element fires. */
function component<I extends HTMLElement, E extends Record<string, EventName | string>>(tagName: string, elementClass: new () => I, events: E) {
  return createComponent({ react: React, tagName, elementClass, events: { ...events, onError } });
}

export const PricingTable = component('credit-pricing-table', CreditPricingTable, {
  onServiceSelect: 'credit-service-select' as EventName<CreditServiceSelectEvent>,
  onPackageSelect: 'credit-package-select' as EventName<CreditPackageSelectEvent>,
  onCatalogChange: 'credit-catalog-change' as EventName<CreditCatalogChangeEvent>,
});

export const Calculator = component('credit-calculator', CreditCalculator, { onScenarioChange: 'credit-scenario-change' as EventName<CreditScenarioChangeEvent> });

export const Balance = component('credit-balance', CreditBalance, { onBalanceState: 'credit-balance-state' as EventName<CreditBalanceStateEvent> });

export const Usage = component('credit-usage', CreditUsage, { onPeriodChange: 'credit-period-change' as EventName<CreditPeriodChangeEvent> });

export const ChatCost = component('credit-chat-cost', CreditChatCost, { onCostChange: 'credit-cost-change' as EventName<CreditCostChangeEvent> });

export const Statement = component('credit-statement', CreditStatement, {
  onStatementChange: 'credit-statement-change' as EventName<CreditStatementChangeEvent>,
  onStatementDownload: 'credit-statement-download' as EventName<CreditStatementDownloadEvent>,
});
