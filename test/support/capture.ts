/** The converter as the tests load it: the module itself, where the extension imports its own script. */
export const loadCapture = () => import('@/utils/capture');
