import { benchPopup } from '/work/main/scripts/bench-popup';
for (let i = 0; i < 2; i++) console.log(JSON.stringify(await benchPopup([1000, 10000])));
