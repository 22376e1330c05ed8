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

export const PricingTable = createComponent({
  react: React,
  tagName: 'credit-pricing-table',
  elementClass: CreditPricingTable,
  events: {
    onServiceSelect: 'credit-service-select' as EventName<CreditServiceSelectEvent>,
    onPackageSelect: 'credit-package-select' as EventName<CreditPackageSelectEvent>,
    onCatalogChange: 'credit-catalog-change' as EventName<CreditCatalogChangeEvent>,
    onError,
  },
});

export const Calculator = createComponent({
  react: React,
  tagName: 'credit-calculator',
  elementClass: CreditCalculator,
  events: {
    onScenarioChange: 'credit-scenario-change' as EventName<CreditScenarioChangeEvent>,
    onError,
  },
});

export const Balance = createComponent({
  react: React,
  tagName: 'credit-balance',
  elementClass: CreditBalance,
  events: {
    onBalanceState: 'credit-balance-state' as EventName<CreditBalanceStateEvent>,
    onError,
  },
});

export const Usage = createComponent({
  react: React,
  tagName: 'credit-usage',
  elementClass: CreditUsage,
  events: {
    onPeriodChange: 'credit-period-change' as EventName<CreditPeriodChangeEvent>,
    onError,
  },
});

export const ChatCost = createComponent({
  react: React,
  tagName: 'credit-chat-cost',
  elementClass: CreditChatCost,
  events: {
    onCostChange: 'credit-cost-change' as EventName<CreditCostChangeEvent>,
    onError,
  },
});

export const Statement = createComponent({
  react: React,
  tagName: 'credit-statement',
  elementClass: CreditStatement,
  events: {
    onStatementChange: 'credit-statement-change' as EventName<CreditStatementChangeEvent>,
    onStatementDownload: 'credit-statement-download' as EventName<CreditStatementDownloadEvent>,
    onError,
  },
});
