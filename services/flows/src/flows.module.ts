import { Module, type DynamicModule } from '@nestjs/common';
import { PRINCIPAL_RESOLVER } from '@authmesh/http';
import { DeviceEntryController } from './executor/device-entry.controller.js';
import { ExecutorController } from './executor/executor.controller.js';
import { FlowHelpersController } from './executor/flow-helpers.controller.js';
import { InspectorController } from './executor/inspector.controller.js';
import { ReputationController } from './reputation/reputation.controller.js';
import { FLOWS_OPTIONS } from './flows.tokens.js';
import type { FlowsOptions } from './flows.options.js';

/** Wiring of the flows service's HTTP API; no logic lives here. */
@Module({})
export class FlowsModule {
  static register(options: FlowsOptions): DynamicModule {
    return {
      module: FlowsModule,
      controllers: [ExecutorController, FlowHelpersController, InspectorController, DeviceEntryController, ReputationController],
      providers: [
        { provide: FLOWS_OPTIONS, useValue: options },
        { provide: PRINCIPAL_RESOLVER, useValue: options.principals },
      ],
    };
  }
}

/** The module for building the OpenAPI document in preview mode (nothing instantiated). */
export function flowsApiModule(): DynamicModule {
  return FlowsModule.register({} as FlowsOptions);
}
